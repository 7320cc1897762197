package io.kafmirror.app.cli;

import io.kafmirror.engine.evidence.EvidenceKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code evidence key}: the public key that signs evidence packs, and its fingerprint to hand to auditors. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = "Print the public key that signs evidence packs and its SHA-256 fingerprint; creates the key on first use.")
public final class EvidenceKeyShow implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EvidenceKey key = EvidenceKey.loadOrCreate(data.folder());
        var out = spec.commandLine().getOut();
        out.print(key.publicPem());
        out.println("Fingerprint (SHA-256): " + key.fingerprint());
        out.println("Key file:              " + key.file() + " (private; readable by its owner only)");
        out.println("An auditor checks a pack's key with: openssl pkey -pubin -in evidence-signing.pub.pem -outform DER | sha256sum");
        return 0;
    }
}
