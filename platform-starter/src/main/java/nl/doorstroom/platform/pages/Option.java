package nl.doorstroom.platform.pages;

/** One choice of a select, radio group or picker: the value sent and the text shown, in the user's language. */
public record Option(String value, String label) {
}
