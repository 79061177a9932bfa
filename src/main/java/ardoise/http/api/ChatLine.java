package ardoise.http.api;

/** One chat message of a pad: who wrote it (as shown then), the text and when (epoch ms). */
public record ChatLine(String authorId, String name, String color, String text, long timeMillis) {}
