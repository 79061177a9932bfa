package ardoise.store;

/**
 * One chat message of a pad: a side remark beside the text, never part of it (exports and the
 * history read ops only).
 *
 * @param id 1, 2, 3 … per pad, in the order the store took the messages (0 before it is stored)
 * @param clientId the tab that sent it
 * @param authorId who sent it
 * @param name the author's name when it was sent
 * @param color the author's colour when it was sent ({@code #rrggbb})
 * @param text what was written, as sent (newlines kept)
 * @param time when the server received it (epoch ms)
 */
public record ChatMessage(long id, String clientId, String authorId, String name, String color, String text, long time) {

  /** The same message with the id the store gave it. */
  public ChatMessage withId(long storedId) {
    return new ChatMessage(storedId, clientId, authorId, name, color, text, time);
  }
}
