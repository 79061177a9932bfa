package ardoise.http;

import java.util.EnumMap;
import java.util.Map;

/**
 * What an error page says under its title, in French and English: what happened and what to do.
 * The routes' own messages are English; the English page adds them as a detail, the French one
 * does not (it stays wholly French).
 */
final class ErrorTexts {
  private static final Map<HttpError, String[]> EXPLANATIONS = new EnumMap<>(HttpError.class);

  static {
    put(HttpError.BAD_PAD_NAME,
        "Un nom de pad compte de 1 à 64 caractères\u00a0: des lettres, des chiffres, «\u00a0-\u00a0» ou «\u00a0_\u00a0». Vérifiez l’adresse.",
        "A pad name has 1 to 64 characters: letters, digits, “-” or “_”. Check the address.");
    put(HttpError.BAD_REV,
        "Cette révision n’existe pas dans ce pad. Choisissez-en une dans l’historique.",
        "This revision does not exist in this pad. Pick one in the history.");
    put(HttpError.NO_SUCH_PAD,
        "Personne n’a encore écrit dans ce pad. Ouvrez-le pour commencer à écrire.",
        "Nobody has written in this pad yet. Open it to start writing.");
    put(HttpError.UNKNOWN_LINK,
        "Ce lien de lecture ne correspond à aucun pad. Demandez un nouveau lien à l’animateur.",
        "This read-only link matches no pad. Ask the facilitator for a new link.");
    put(HttpError.UNKNOWN_FORMAT,
        "Ce format d’export n’existe pas. Formats proposés\u00a0: pdf, docx, odt, html, md, txt.",
        "This export format does not exist. Formats: pdf, docx, odt, html, md, txt.");
    put(HttpError.NOT_FOUND,
        "Il n’y a rien à cette adresse. Vérifiez-la, ou repartez de l’accueil.",
        "There is nothing at this address. Check it, or start again from the home page.");
    put(HttpError.STORE_UNAVAILABLE,
        "Le serveur ne peut pas lire les pads pour le moment. Réessayez dans un instant.",
        "The server cannot read the pads right now. Try again in a moment.");
    put(HttpError.SERVER_FULL,
        "Le serveur a trop de connexions ouvertes. Réessayez dans quelques secondes.",
        "The server has too many open connections. Try again in a few seconds.");
    put(HttpError.EXPORT_TOO_LARGE,
        "Ce pad est trop long pour être mis en page en PDF. Téléchargez-le en DOCX, ODT, HTML ou Markdown.",
        "This pad is too long to be laid out as a PDF. Download it as DOCX, ODT, HTML or Markdown.");
    put(HttpError.EXPORT_BUSY,
        "Beaucoup d’exports sont en cours. Réessayez dans quelques secondes.",
        "Many exports are being made. Try again in a few seconds.");
    put(HttpError.PAD_EXISTS,
        "Un pad porte déjà ce nom\u00a0: ouvrez-le, ou choisissez un autre nom.",
        "A pad of this name exists already: open it, or choose another name.");
    put(HttpError.ALREADY_OWNED,
        "Ce pad a déjà un propriétaire. Demandez-lui son lien de propriétaire.",
        "This pad has an owner already. Ask them for their owner link.");
    put(HttpError.PAD_DELETED,
        "Ce pad a été supprimé\u00a0: son texte, son historique et son lien de lecture n’existent plus sur ce serveur.",
        "This pad was deleted: its text, history and read-only link no longer exist on this server.");
    put(HttpError.TOO_MANY_MISSES,
        "Cette adresse a demandé beaucoup de pads vides ou de liens inconnus en peu de temps. Attendez une minute, puis vérifiez le lien.",
        "This address asked for many empty pads or unknown links in a short time. Wait a minute, then check the link.");
    put(HttpError.OWNER_TOKEN_REQUIRED,
        "Seul le propriétaire du pad peut faire cela\u00a0: ouvrez-le depuis le navigateur qui l’a créé, ou avec son lien de propriétaire.",
        "Only the pad's owner can do this: open it from the browser that created it, or with its owner link.");
    put(HttpError.NOT_OWNER,
        "Ce navigateur n’est pas celui du propriétaire du pad.",
        "This browser is not the pad owner's.");
    put(HttpError.BAD_LIFETIME,
        "Cette durée de conservation n’est pas proposée par ce serveur.",
        "This server does not offer this lifetime.");
    put(HttpError.BAD_PASSWORD,
        "Un mot de passe a de 4 à 128 caractères.",
        "A password has 4 to 128 characters.");
    put(HttpError.NO_READ_ONLY_LINK,
        "Ce pad n’a pas encore de lien de lecture\u00a0: il en aura un dès qu’on y écrira.",
        "This pad has no read-only link yet: it gets one once someone writes in it.");
    put(HttpError.SERVER_ERROR,
        "Le serveur n’a pas pu répondre. Réessayez dans un instant.",
        "The server could not answer. Try again in a moment.");
  }

  private ErrorTexts() {}

  private static void put(HttpError error, String fr, String en) {
    EXPLANATIONS.put(error, new String[] {fr, en});
  }

  /** The explanation of {@code error} in {@code language} ("fr" or "en"). */
  static String explanation(HttpError error, String language) {
    String[] texts = EXPLANATIONS.get(error);
    boolean french = "fr".equals(language);
    if (texts == null) {
      return french ? "La demande n’a pas pu aboutir. Revenez à l’accueil et réessayez."
          : "The request could not be completed. Go back to the home page and try again.";
    }
    return french ? texts[0] : texts[1];
  }
}
