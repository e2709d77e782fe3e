package newsroom.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import newsroom.api.storage.HashChain;
import newsroom.api.storage.MongoEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints of the hash chain: the head commit's number and hash at an instant, signed with the
 * Ed25519 key of {@code newsroom.audit.checkpoint-key} (the JDK's own implementation; the key is never
 * logged). An auditor keeps a checkpoint outside Newsroom; verifying against it later detects any rewrite of
 * the history up to that commit, even one that recomputed every hash, because the rewritten chain cannot
 * arrive at the kept hash.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final String ALGORITHM = "Ed25519";

    private final MongoEventStorageEngine events;
    private final Clock clock;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    Checkpoints(MongoEventStorageEngine events, Clock clock,
                @Value("${newsroom.audit.checkpoint-key:}") String configuredKey) {
        this.events = events;
        this.clock = clock;
        KeyPair keys = configuredKey.isBlank() ? generated() : fromConfiguration(configuredKey.trim());
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
    }

    /**
     * A checkpoint: commit {@code commit} had hash {@code hash}, as issued at {@code issuedAt}; {@code signature}
     * (base64) signs {@link #signedText}; {@code publicKey} (base64 X.509) is the key to check it with.
     */
    record Checkpoint(@NotNull @Min(0) Long commit,
                      @NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "a SHA-256 in lower-case hex")
                      @Schema(example = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") String hash,
                      @NotNull Instant issuedAt, @NotBlank String signature, String publicKey) {

        String signedText() {
            return "newsroom-checkpoint/1\n" + commit + "\n" + hash + "\n" + issuedAt;
        }
    }

    /**
     * What a kept checkpoint says about the store now. {@code matches} is null when the checkpoint was not
     * compared: one whose signature does not verify here proves nothing about the history.
     */
    record CheckpointCheck(boolean signatureValid, Boolean matches, String problem) {
    }

    /** The stored chain verified, and against the checkpoint if it is ours. */
    record Verified(HashChain.Verification chain, CheckpointCheck checkpoint) {
    }

    Checkpoint issue() {
        long head = events.headCommitNumber();
        String hash = head < 0 ? HashChain.GENESIS : events.hashOf(head);
        Checkpoint unsigned = new Checkpoint(head, hash, clock.instant(), "", "");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(head, hash, unsigned.issuedAt(), Base64.getEncoder().encodeToString(signer.sign()),
                    Base64.getEncoder().encodeToString(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }

    /**
     * Verifies the chain, and that it still arrives at the checkpoint's hash at its commit, if this server signed
     * the checkpoint. An edited or foreign checkpoint names no commit and no hash worth comparing (its commit could
     * be any number): the chain is then verified up to its own head, and the checkpoint is reported as not ours.
     */
    Verified verify(Checkpoint checkpoint) {
        if (!signedHere(checkpoint)) {
            return new Verified(events.verifyChain(-1), new CheckpointCheck(false, null, "the checkpoint's signature "
                    + "does not verify with this server's key (it was altered, or signed with another key): it proves "
                    + "nothing about the history, which was verified on its own"));
        }
        HashChain.Verification chain = events.verifyChain(checkpoint.commit());
        String stored = events.hashOf(checkpoint.commit());
        if (stored == null) {
            return new Verified(chain, new CheckpointCheck(true, false, "commit " + checkpoint.commit()
                    + " is not in the store"));
        }
        if (!stored.equals(checkpoint.hash())) {
            return new Verified(chain, new CheckpointCheck(true, false, "the history up to commit "
                    + checkpoint.commit() + " was rewritten: its stored hash is not the checkpoint's"));
        }
        return new Verified(chain, new CheckpointCheck(true, true, null));
    }

    private boolean signedHere(Checkpoint checkpoint) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, or not an Ed25519 signature: not ours
        }
    }

    private static KeyPair generated() {
        log.warn("No newsroom.audit.checkpoint-key configured: audit checkpoints are signed with a key made for this "
                + "run and verify only until the server restarts");
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** The configured private key and the public key derived from it (the message never shows the key). */
    private static KeyPair fromConfiguration(String base64) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            EdECPrivateKey key = (EdECPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            byte[] seed = key.getBytes().orElseThrow();
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            return new KeyPair(pair.getPublic(), key);
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            throw new IllegalStateException("newsroom.audit.checkpoint-key is not a base64 PKCS#8 Ed25519 private key");
        }
    }

    /** Hands the generator the configured key's seed, so it derives that key's public half. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
