package ardoise.pad;

/** What other members see of one connection: who it is and how to show it. */
public record MemberInfo(String clientId, String authorId, String name, String color) {}
