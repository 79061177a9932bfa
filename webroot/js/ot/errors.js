// The one error type of the OT core, like Java's InvalidOperationException.

/**
 * A malformed operation or one that cannot apply: wrong base length, a split surrogate pair, a lone
 * surrogate in inserted text, a bad JSON form. The message is meant for humans.
 */
export class InvalidOperationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvalidOperationError';
  }
}
