package com.sparkgan.evaluate;

/** One or more quality gates failed; jobs exit with status 3. */
public class QualityGateException extends RuntimeException {
    public QualityGateException(String message) {
        super(message);
    }
}
