package nl.doorstroom.platform.pages;

import java.beans.PropertyEditorSupport;

import nl.doorstroom.platform.reference.Municipalities;

/**
 * The text of a municipality picker as bound: the code the picker sends, or the code of the municipality whose name was
 * typed without choosing from the list ({@link Municipalities#codeFor}). Register it for a form whose only text is
 * the municipality: {@code binder.registerCustomEditor(String.class, new MunicipalityPicker(municipalities))}.
 */
public class MunicipalityPicker extends PropertyEditorSupport {

    private final Municipalities municipalities;

    public MunicipalityPicker(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @Override
    public void setAsText(String text) {
        String typed = text == null ? "" : text.strip();
        setValue(typed.isEmpty() ? null : municipalities.codeFor(typed));
    }
}
