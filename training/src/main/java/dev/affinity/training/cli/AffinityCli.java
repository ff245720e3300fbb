package dev.affinity.training.cli;

import dev.affinity.features.ingest.InputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code affinity} command line. Exit codes: 0 success, 1 failure, 2 bad input
 * (an option, a file or a line of it).
 */
@Command(
        name = "affinity",
        description = "Affinity: personalization for email. Warehouse, models and the send-time API.",
        mixinStandardHelpOptions = true,
        versionProvider = AffinityCli.Version.class,
        subcommands = {
            ImportCommand.class,
            QualityCommand.class,
            FeaturesCommand.class,
            GenerateCommand.class,
            ModelsCommand.class,
            EvaluateCommand.class,
            TrainCommand.class,
            SegmentsCommand.class,
            PipelineCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AffinityCli implements Runnable {
    /** Exit code for bad input: an unknown option, a missing file, a line that cannot be read. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AffinityCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(e));
            commandLine.getErr().flush();
            return isBadInput(e) ? BAD_INPUT : 1;
        });
        return cli.execute(args);
    }

    private static boolean isBadInput(Exception e) {
        return e instanceof InputException
                || e instanceof IllegalArgumentException
                || e instanceof NoSuchFileException
                || (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof UncheckedIOException u && u.getCause() instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** The project version, as recorded in model artifacts. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"affinity " + dev.affinity.models.artifact.ArtifactManifest.currentProjectVersion()};
        }
    }
}
