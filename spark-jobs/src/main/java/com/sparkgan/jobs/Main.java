package com.sparkgan.jobs;

import com.sparkgan.evaluate.QualityGateException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code spark-submit sparkgan.jar JOB [options]} and of
 * {@code submit/local.sh}. It parses the command line, runs one job and exits with the
 * documented status ({@link ExitStatus}).
 */
@Command(name = "sparkgan", mixinStandardHelpOptions = true, version = "SparkGAN 0.1.0",
        description = "Train GANs on Spark and write synthetic data for augmentation.",
        subcommands = {TrainCommand.class, GenerateCommand.class, EvaluateCommand.class,
            PipelineCommand.class, com.sparkgan.bench.BenchCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:other failure",
                "2:bad input, configuration or storage", "3:quality gate failed"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set once the JVM begins to shut down (a signal such as SIGTERM or Ctrl-C). */
    private static volatile boolean stopping;

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            // Spark's threads interrupted by the shutdown would each print a stack trace
            // around the one-sentence error; other uncaught errors still print.
            Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
                if (!(error instanceof InterruptedException)) {
                    System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                    error.printStackTrace();
                }
            });
        }, "sparkgan-stop-flag"));
        System.exit(run(args));
    }

    /** Runs a job and returns its exit status, without exiting the JVM. */
    public static int run(String... args) {
        return run(new PrintWriter(System.err, true), args);
    }

    /** Runs a job, writing errors to {@code err}, and returns its exit status. */
    public static int run(PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setErr(err)
                .setExecutionExceptionHandler(Main::handleFailure)
                .setParameterExceptionHandler(Main::handleBadArguments);
        try {
            return commandLine.execute(args);
        } catch (org.apache.hadoop.fs.FSError e) {
            // Hadoop's local file system reports a full disk as an Error, which passes by
            // the execution handler.
            err.println("error: Cannot write the output: " + com.sparkgan.io.HadoopFiles
                    .reason(e) + ".");
            return JobSummary.failed(args.length > 0 ? args[0] : "sparkgan",
                    ExitStatus.BAD_INPUT, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a job: train, generate, evaluate, pipeline or bench.");
    }

    private static int handleBadArguments(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("error: " + e.getMessage() + " (see --help)");
        return JobSummary.failed(e.getCommandLine().getCommandName(), ExitStatus.BAD_INPUT,
                e.getMessage());
    }

    /** Spark cancels every job when its context stops: a signal, or the cluster manager. */
    private static boolean stoppedFromOutside(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("because SparkContext was shut down")) {
                return true;
            }
        }
        return stopping;
    }

    private static int handleFailure(Exception e, CommandLine commandLine,
                                     CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String job = commandLine.getCommandName();
        if (e instanceof QualityGateException) {
            err.println("error: " + e.getMessage());
            return JobSummary.failed(job, ExitStatus.QUALITY_GATE, e.getMessage());
        }
        if (e instanceof com.sparkgan.train.TrainingFailedException) {
            // Training itself failed (diverged, rollbacks spent, nothing trained): the
            // message says what happened and what to change; a stack trace would bury it.
            err.println("error: " + e.getMessage());
            return JobSummary.failed(job, ExitStatus.FAILURE, e.getMessage());
        }
        RuntimeException userError = ExitStatus.userError(e);
        if (userError != null) {
            err.println("error: " + userError.getMessage());
            return JobSummary.failed(job, ExitStatus.BAD_INPUT, userError.getMessage());
        }
        if (stoppedFromOutside(e)) {
            String message = "The job was stopped before it finished: its Spark context "
                    + "shut down (a stop signal such as SIGTERM or Ctrl-C, or the cluster "
                    + "manager ending the application); nothing half-written was published; "
                    + "rerun it (a train run goes on from its last checkpoint with --resume).";
            err.println("error: " + message);
            int status = JobSummary.failed(job, ExitStatus.FAILURE, message);
            if (stopping) {
                // What follows is Spark's threads being torn down mid-task, each printing a
                // stack trace of its own under the error that explains them.
                // Log4j writes to the stream it captured at start-up, so it is silenced too.
                System.err.flush();
                System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
                org.apache.logging.log4j.core.config.Configurator.setRootLevel(
                        org.apache.logging.log4j.Level.OFF);
                org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.spark",
                        org.apache.logging.log4j.Level.OFF);
            }
            return status;
        }
        err.println("error: the job failed: " + e);
        e.printStackTrace(err);
        return JobSummary.failed(job, ExitStatus.FAILURE, String.valueOf(e));
    }
}
