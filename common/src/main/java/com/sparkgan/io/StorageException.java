package com.sparkgan.io;

/**
 * Storage that cannot be reached, read or written: a missing input, an unwritable output
 * folder, an unknown file system. The message is one sentence; jobs exit with status 2.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
