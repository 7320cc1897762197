package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.access.AccessDeniedException;
import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.mirror.SourceAccessException;
import io.kafmirror.engine.restore.GroupOffsetCommitException;
import io.kafmirror.engine.restore.RestoreFailedException;
import io.kafmirror.engine.restore.RestorePlanException;
import io.kafmirror.engine.restore.TargetTopicException;
import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.store.StoreException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one readable line on stderr and an exit code. Our own exceptions
 * already say what failed and what to do; stack traces are only for {@code KAF_MIRROR_DEBUG=1}.
 */
public final class FailureReporter implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof ParameterException bad) {
            err.println("error: " + bad.getMessage());
            err.println("Run '" + bad.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return bad.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
        }
        if (e instanceof StoreException || e instanceof CorruptSegmentException || e instanceof ConfigException
                || e instanceof SourceAccessException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof UncheckedIOException || e instanceof RestorePlanException
                || e instanceof TargetTopicException || e instanceof RestoreFailedException
                || e instanceof GroupOffsetCommitException || e instanceof AccessDeniedException
                || e instanceof AuthenticationException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            err.println("This is unexpected; run again with KAF_MIRROR_DEBUG=1 for details and report it.");
        }
        if ("1".equals(System.getenv("KAF_MIRROR_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return KafMirror.FAILED;
    }
}
