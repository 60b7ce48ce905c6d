package com.sparkgan.data;

/**
 * Input data that cannot be read as declared: a wrong magic number, a truncated file, a row
 * of the wrong width. The message is one sentence naming the file and the problem.
 */
public class DataFormatException extends RuntimeException {
    public DataFormatException(String message) {
        super(message);
    }
}
