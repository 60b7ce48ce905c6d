package com.sparkgan.nets;

import java.util.Set;
import org.deeplearning4j.nn.conf.constraint.BaseConstraint;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keeps every parameter of a layer in [-limit, limit] after each update: the weight clipping
 * that keeps a Wasserstein critic (roughly) Lipschitz. DL4J applies layer constraints after
 * every optimiser step, on each worker, so the clip holds before and after averaging (an
 * average of clipped values is clipped too). Needs a no-argument constructor and bean
 * accessors, because DL4J stores constraints in the network's JSON configuration.
 */
public final class WeightClip extends BaseConstraint {
    private double limit;

    public WeightClip() {
        this(0.01);
    }

    public WeightClip(double limit) {
        super(Set.of());
        this.limit = limit;
    }

    @Override
    public void apply(INDArray param) {
        Transforms.max(param, -limit, false);
        Transforms.min(param, limit, false);
    }

    public double getLimit() {
        return limit;
    }

    public void setLimit(double limit) {
        this.limit = limit;
    }

    @Override
    public WeightClip clone() {
        WeightClip copy = new WeightClip(limit);
        copy.setParams(getParams());
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeightClip clip && clip.limit == limit
                && java.util.Objects.equals(clip.getParams(), getParams());
    }

    @Override
    public int hashCode() {
        return Double.hashCode(limit);
    }
}
