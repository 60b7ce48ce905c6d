package com.sparkgan.evaluate;

import java.io.Serializable;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Running sums of feature vectors and of their outer products, merged across partitions,
 * from which the driver gets a mean and a covariance; and the Fréchet distance between two
 * Gaussians fitted that way.
 */
public final class GaussianStats implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] sum;
    private final double[][] outer;
    private long count;

    public GaussianStats(int dimensions) {
        sum = new double[dimensions];
        outer = new double[dimensions][dimensions];
    }

    public GaussianStats add(float[] x) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += x[i];
            double xi = x[i];
            double[] row = outer[i];
            for (int j = i; j < sum.length; j++) {
                row[j] += xi * x[j];
            }
        }
        count++;
        return this;
    }

    public GaussianStats merge(GaussianStats other) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.sum[i];
            for (int j = i; j < sum.length; j++) {
                outer[i][j] += other.outer[i][j];
            }
        }
        count += other.count;
        return this;
    }

    public long count() {
        return count;
    }

    public double[] mean() {
        double[] mean = new double[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = sum[i] / count;
        }
        return mean;
    }

    /** The unbiased sample covariance. */
    public double[][] covariance() {
        double[] mean = mean();
        int d = sum.length;
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double value = (outer[i][j] - count * mean[i] * mean[j]) / Math.max(1, count - 1);
                cov[i][j] = value;
                cov[j][i] = value;
            }
        }
        return cov;
    }

    /** The Fréchet distance of the Gaussians fitted to two feature sets. */
    public static double frechetDistance(GaussianStats a, GaussianStats b) {
        return frechetDistance(a.mean(), a.covariance(), b.mean(), b.covariance());
    }

    /**
     * |m1 - m2|^2 + tr(C1) + tr(C2) - 2 tr((C1 C2)^(1/2)), where the trace of the square root
     * is the sum of the square roots of the eigenvalues of C1^(1/2) C2 C1^(1/2), a symmetric
     * matrix with the same eigenvalues as C1 C2.
     */
    public static double frechetDistance(double[] m1, double[][] c1, double[] m2,
                                         double[][] c2) {
        double meanTerm = 0;
        for (int i = 0; i < m1.length; i++) {
            meanTerm += (m1[i] - m2[i]) * (m1[i] - m2[i]);
        }
        RealMatrix a = new Array2DRowRealMatrix(c1);
        RealMatrix b = new Array2DRowRealMatrix(c2);
        RealMatrix rootA = symmetricRoot(a);
        RealMatrix product = rootA.multiply(b).multiply(rootA);
        product = product.add(product.transpose()).scalarMultiply(0.5);
        double traceRoot = 0;
        for (double eigenvalue : new EigenDecomposition(product).getRealEigenvalues()) {
            traceRoot += Math.sqrt(Math.max(0, eigenvalue));
        }
        return Math.max(0, meanTerm + a.getTrace() + b.getTrace() - 2 * traceRoot);
    }

    private static RealMatrix symmetricRoot(RealMatrix m) {
        EigenDecomposition eigen = new EigenDecomposition(m);
        double[] values = eigen.getRealEigenvalues();
        RealMatrix v = eigen.getV();
        RealMatrix scaled = v.copy();
        for (int j = 0; j < values.length; j++) {
            double root = Math.sqrt(Math.max(0, values[j]));
            for (int i = 0; i < values.length; i++) {
                scaled.multiplyEntry(i, j, root);
            }
        }
        return scaled.multiply(v.transpose());
    }
}
