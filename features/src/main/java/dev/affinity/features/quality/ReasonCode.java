package dev.affinity.features.quality;

/** Why a row was refused and sent to quarantine. Stored by name in {@code quarantine.reason_code}. */
public enum ReasonCode {
    /** The row has a different number of fields than the header. */
    RAGGED_ROW,
    /** A required value is empty. */
    MISSING_REQUIRED,
    /** A date or timestamp could not be parsed with the expected format. */
    UNPARSEABLE_DATE,
    /** A number could not be parsed. */
    UNPARSEABLE_NUMBER,
    /** An e-mail address is not well formed. */
    INVALID_EMAIL,
    /** A value is outside its allowed set (an unknown event type, say). */
    INVALID_VALUE,
    /** A quantity is zero or negative on a purchase line. */
    NON_POSITIVE_QUANTITY,
    /** A price is zero or negative. */
    NON_POSITIVE_PRICE,
    /** The row repeats an earlier row of the same file exactly. */
    DUPLICATE_ROW,
    /** The row's id (or order line) was loaded already. */
    DUPLICATE_ID
}
