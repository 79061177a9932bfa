package ardoise.http;

/**
 * Every refusal the HTTP side answers: a stable kebab-case code (the API's {@code error} field, like
 * the WebSocket {@code ErrorCode}), its status, and the bilingual title of its HTML page.
 */
public enum HttpError {
  BAD_PAD_NAME(400, "bad-pad-name", "Nom de pad invalide", "Invalid pad name"),
  BAD_REV(400, "bad-rev", "Révision invalide", "Invalid revision"),
  BAD_REQUEST(400, "bad-request", "Requête invalide", "Bad request"),
  BAD_PERSON(400, "bad-person", "Auteur invalide", "Invalid author"),
  BAD_LABEL(400, "bad-label", "Nom de version invalide", "Invalid version name"),
  BAD_HOST(400, "bad-host", "Adresse invalide", "Bad Host header"),
  CROSS_SITE(403, "cross-site", "Requête venue d’un autre site", "Cross-site request refused"),
  NO_SUCH_PAD(404, "no-such-pad", "Pad introuvable", "No such pad"),
  UNKNOWN_LINK(404, "unknown-link", "Lien inconnu", "Unknown link"),
  UNKNOWN_FORMAT(404, "unknown-format", "Format d’export inconnu", "Unknown export format"),
  NO_SUCH_TEMPLATE(404, "no-such-template", "Modèle introuvable", "No such template"),
  NOT_FOUND(404, "not-found", "Page introuvable", "Page not found"),
  EDIT_REFUSED(409, "edit-refused", "Modification refusée", "Edit refused"),
  TOO_MANY_VERSIONS(409, "too-many-versions", "Trop de versions enregistrées", "Too many saved versions"),
  FILE_TOO_LARGE(413, "file-too-large", "Fichier trop grand", "File too large"),
  UNSUPPORTED_CONTENT_TYPE(415, "unsupported-content-type", "Type de contenu refusé", "Unsupported content type"),
  NOT_UTF8(415, "not-utf8", "Fichier illisible", "Unreadable file"),
  NOT_TEXT(415, "not-text", "Fichier illisible", "Unreadable file"),
  SERVER_ERROR(500, "server-error", "Erreur du serveur", "Server error"),
  STORE_UNAVAILABLE(503, "store-unavailable", "Service indisponible, réessayez", "Service unavailable, retry"),
  REQUEST_TIMEOUT(408, "request-timeout", "Requête trop lente", "Request too slow"),
  SERVER_FULL(503, "server-full", "Serveur saturé, réessayez", "Server full, retry"),
  EXPORT_TOO_LARGE(413, "export-too-large", "Pad trop long pour un PDF", "Pad too long for a PDF"),
  EXPORT_BUSY(503, "export-busy", "Exports très demandés, réessayez", "Exports busy, retry"),
  PAD_EXISTS(409, "pad-exists", "Ce pad existe déjà", "This pad exists already"),
  ALREADY_OWNED(409, "already-owned", "Ce pad a déjà un propriétaire", "This pad has an owner already"),
  PAD_DELETED(410, "pad-deleted", "Pad supprimé", "Pad deleted"),
  UNAUTHORIZED(401, "unauthorized", "Accès refusé", "Unauthorized"),
  TOO_MANY_MISSES(429, "too-many-misses", "Trop de pads introuvables", "Too many unknown pads"),
  OWNER_TOKEN_REQUIRED(401, "owner-token-required", "Jeton de propriétaire requis", "Owner token required"),
  NOT_OWNER(403, "not-owner", "Vous n’êtes pas le propriétaire", "Not the owner"),
  BAD_LIFETIME(400, "bad-lifetime", "Durée de conservation invalide", "Invalid lifetime"),
  BAD_PASSWORD(400, "bad-password", "Mot de passe invalide", "Invalid password"),
  NO_READ_ONLY_LINK(409, "no-read-only-link", "Pas encore de lien de lecture", "No read-only link yet");

  private final int status;
  private final String code;
  private final String titleFr;
  private final String titleEn;

  HttpError(int status, String code, String titleFr, String titleEn) {
    this.status = status;
    this.code = code;
    this.titleFr = titleFr;
    this.titleEn = titleEn;
  }

  public int status() { return status; }

  public String code() { return code; }

  String titleFr() { return titleFr; }

  String titleEn() { return titleEn; }
}
