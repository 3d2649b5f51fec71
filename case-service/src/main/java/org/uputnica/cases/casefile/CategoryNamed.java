package org.uputnica.cases.casefile;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new case names at least one category, in {@code category} or {@code categories}; the error names {@code category}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CategoryNamed.Validator.class)
public @interface CategoryNamed {
    String message() default "name at least one category (category or categories)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CategoryNamed, NewCase> {
        @Override
        public boolean isValid(NewCase value, ConstraintValidatorContext context) {
            if (value == null || !value.allCategories().isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("category").addConstraintViolation();
            return false;
        }
    }
}
