package ardoise.http.api;

/** A pad created through the API and its owner token (shown once; the store keeps only its hash). */
public record Created(String padId, String ownerToken) {}
