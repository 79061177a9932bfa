package ardoise.testing;

/** Where every thread of this JVM is: printed when a call goes unanswered, so a hang explains itself. */
public final class ThreadDump {
  private ThreadDump() {}

  public static String all() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
      for (StackTraceElement frame : stack) out.append("    at ").append(frame).append('\n');
    });
    return out.toString();
  }
}
