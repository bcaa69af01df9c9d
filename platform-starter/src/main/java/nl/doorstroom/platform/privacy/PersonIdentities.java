package nl.doorstroom.platform.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;

/**
 * A person's direct identifiers (name, date of birth, V-number, BSN) sealed with the person's own key, as every event
 * and state store keeps them; opened only while a request is served. Once the key is erased they stay sealed for good.
 *
 * <p>Sealed identities are written in Avro's single-object encoding, which names the writer's schema by fingerprint,
 * so a later version of {@link PersonIdentity} still reads what an earlier one sealed. Identities sealed before that
 * (event schema version 2) are plain Avro binary of the first version, recognised by the missing header.
 */
public class PersonIdentities {

    /** {@link PersonIdentity} as event schema version 2 sealed it, before the BSN was added. */
    private static final Schema FIRST_VERSION = new Schema.Parser().parse("""
            {"type": "record", "name": "PersonIdentity", "namespace": "nl.doorstroom.schemas.intake", "fields": [
              {"name": "givenNames", "type": "string"},
              {"name": "familyName", "type": "string"},
              {"name": "dateOfBirth", "type": {"type": "int", "logicalType": "date"}},
              {"name": "vNumber", "type": "string"}]}""");
    private static final BinaryMessageEncoder<PersonIdentity> ENCODER = PersonIdentity.getEncoder();
    private static final BinaryMessageDecoder<PersonIdentity> DECODER = PersonIdentity.createDecoder(null);
    private static final SpecificDatumReader<PersonIdentity> FIRST_VERSION_READER =
            new SpecificDatumReader<>(FIRST_VERSION, PersonIdentity.getClassSchema(), SpecificData.getForClass(PersonIdentity.class));

    static {
        DECODER.addSchema(FIRST_VERSION);
    }

    private final PersonalDataCipher cipher;

    public PersonIdentities(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(String personId, PersonIdentity identity) {
        try {
            ByteBuffer encoded = ENCODER.encode(identity);
            byte[] plain = new byte[encoded.remaining()];
            encoded.get(plain);
            return cipher.encrypt(personId, plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The identity of a registration, or empty when the person has been erased. Registrations written before
     * identities were sealed (schema version 1) carry them in plain fields.
     */
    public Optional<PersonIdentity> open(String personId, PersonRegistered registered) {
        if (registered.getIdentity() == null) {
            return Optional.of(PersonIdentity.newBuilder().setGivenNames(registered.getGivenNames())
                    .setFamilyName(registered.getFamilyName()).setDateOfBirth(registered.getDateOfBirth())
                    .setVNumber(registered.getVNumber()).build());
        }
        return open(personId, registered.getIdentity());
    }

    /** A sealed identity opened, or empty when the person has been erased. */
    public Optional<PersonIdentity> open(String personId, ByteBuffer sealedIdentity) {
        ByteBuffer sealed = sealedIdentity.duplicate();
        byte[] ciphertext = new byte[sealed.remaining()];
        sealed.get(ciphertext);
        byte[] plain;
        try {
            plain = cipher.decrypt(personId, ciphertext);
        } catch (SubjectErasedException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(DECODER.decode(plain));
        } catch (BadHeaderException e) {
            return Optional.of(readFirstVersion(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PersonIdentity readFirstVersion(byte[] plain) {
        try {
            return FIRST_VERSION_READER.read(null, DecoderFactory.get().binaryDecoder(plain, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
