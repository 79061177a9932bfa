package ardoise.http.api;

/** A person connected to a pad now, as the other members see them. */
public record Member(String authorId, String name, String color) {}
