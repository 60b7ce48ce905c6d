package com.sparkgan.train;

/** Training that cannot go on: a phase that fitted nothing, non-finite losses. */
public class TrainingFailedException extends RuntimeException {
    public TrainingFailedException(String message) {
        super(message);
    }
}
