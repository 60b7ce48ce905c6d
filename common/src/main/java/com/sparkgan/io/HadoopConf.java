package com.sparkgan.io;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop configuration that can travel to executors inside a closure, so that tasks open
 * {@code hdfs://} and other file system URIs with the driver's settings.
 */
public final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;

    private transient Configuration configuration;

    public HadoopConf(Configuration configuration) {
        this.configuration = configuration;
    }

    public Configuration get() {
        return configuration;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        configuration.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        configuration = new Configuration(false);
        configuration.readFields(in);
    }
}
