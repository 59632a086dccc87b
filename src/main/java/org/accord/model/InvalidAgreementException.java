package org.accord.model;

import java.util.List;

/** An agreement file that cannot be rendered; {@link #problems()} lists every problem by its path. */
public final class InvalidAgreementException extends RuntimeException {

    private final List<String> problems;

    public InvalidAgreementException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidAgreementException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** Every problem found, one line each, such as {@code articles[3].paragraphs[2].ru: missing}. */
    public List<String> problems() {
        return problems;
    }
}
