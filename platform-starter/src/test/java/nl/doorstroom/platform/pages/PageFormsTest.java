package nl.doorstroom.platform.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import nl.doorstroom.platform.write.FieldProblemsException;
import nl.doorstroom.platform.write.StaleVersionException;
import nl.doorstroom.platform.write.StepNotAllowedException;

/** A refused change on the form: where each kind of refusal goes, and the status the page is answered with. */
class PageFormsTest {

    record Move(Integer version, String toMunicipalityCode) {
    }

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/verhuizing");
    private final MockHttpServletResponse response = new MockHttpServletResponse();
    private final ExtendedModelMap model = new ExtendedModelMap();
    private final BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Move(3, "GM0344"), "form");

    @BeforeEach
    void sent() {
        request.addParameter("version", "3");
        request.addParameter("toMunicipalityCode", "Utrecht");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, response));
    }

    @AfterEach
    void done() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aStaleVersionIsAMessageForTheFormWithTheCurrentVersion() {
        PageForms.refused(new StaleVersionException(5), form, model);

        assertThat(form.getGlobalError().getCode()).isEqualTo("page.form.stale");
        assertThat(form.getGlobalError().getArguments()).containsExactly(5, "3");
        assertThat(model.get(PageForms.CURRENT_VERSION)).isEqualTo(5);
        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aFieldProblemIsOnItsFieldAsTyped() {
        PageForms.refused(FieldProblemsException.of("toMunicipalityCode", "same-municipality", "field.same"), form, model);

        assertThat(form.getFieldError("toMunicipalityCode").getCode()).isEqualTo("field.same");
        assertThat(form.getFieldValue("toMunicipalityCode")).isEqualTo("Utrecht");
        assertThat(form.hasGlobalErrors()).isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void aProblemWithAFieldTheFormDoesNotHaveIsAMessageForTheForm() {
        PageForms.refused(FieldProblemsException.of("kind", "unchanged", "field.kind"), form, model);

        assertThat(form.getGlobalError().getCode()).isEqualTo("field.kind");
    }

    @Test
    void aStepNotAllowedIsAMessageForTheFormWithoutAVersion() {
        PageForms.refused(new StepNotAllowedException("trajectory.problem.closed", 7), form, model);

        assertThat(form.getGlobalError().getCode()).isEqualTo("trajectory.problem.closed.detail");
        assertThat(model).doesNotContainKey(PageForms.CURRENT_VERSION);
        assertThat(response.getStatus()).isEqualTo(409);
    }

    @Test
    void aFormWithMistakesComesBackWith400AndNothingIsApplied() {
        form.rejectValue("version", "NotNull");

        String view = PageForms.submit(form, model, () -> "redirect:/applied", () -> "form");

        assertThat(view).isEqualTo("form");
        assertThat(response.getStatus()).isEqualTo(400);
    }
}
