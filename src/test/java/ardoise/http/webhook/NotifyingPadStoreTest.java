package ardoise.http.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.PadStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store decorators pass every call of {@link PadStore} on, the defaulted ones included: a
 * default left in place answers "cannot" (or, for the watch with an owner's changes, never tells
 * them), which hides what the real store does behind it.
 */
class NotifyingPadStoreTest {
  @Test
  void theDecoratorsOverrideEveryMethodOfTheStore() throws ClassNotFoundException {
    Class<?> metered = Class.forName("ardoise.http.metrics.MeteredPadStore"); // package-private
    assertEquals(List.of(), notOverridden(NotifyingPadStore.class), "NotifyingPadStore leaves these to PadStore's defaults");
    assertEquals(List.of(), notOverridden(metered), "MeteredPadStore leaves these to PadStore's defaults");
  }

  private static List<String> notOverridden(Class<?> decorator) {
    List<String> missing = new ArrayList<>();
    for (Method m : PadStore.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) continue;
      try {
        decorator.getDeclaredMethod(m.getName(), m.getParameterTypes());
      } catch (NoSuchMethodException e) {
        missing.add(m.getName() + List.of(m.getParameterTypes()).stream().map(Class::getSimpleName).toList());
      }
    }
    return missing;
  }
}
