package org.uputnica.cases.person;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A JMBG must be a real one (date and check digit); the error names the {@code value} field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidIdentifier.Validator.class)
public @interface ValidIdentifier {
    String message() default "is not a valid identifier";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidIdentifier, Identifier> {
        @Override
        public boolean isValid(Identifier id, ConstraintValidatorContext context) {
            if (id == null || id.type() != IdentifierType.JMBG || id.value() == null || id.value().isBlank()) {
                return true;
            }
            String problem = Jmbg.problem(id.normalised().value());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addPropertyNode("value").addConstraintViolation();
            return false;
        }
    }
}
