package nl.doorstroom.platform.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import nl.doorstroom.schemas.intake.PersonIdentity;
import nl.doorstroom.schemas.intake.PersonRegistered;

/**
 * A person's direct identifiers (name, date of birth, V-number) sealed with the person's own key, as every event and
 * state store keeps them; opened only while a request is served. Once the key is erased they stay sealed for good.
 */
public class PersonIdentities {

    private static final SpecificDatumWriter<PersonIdentity> WRITER = new SpecificDatumWriter<>(PersonIdentity.class);
    private static final SpecificDatumReader<PersonIdentity> READER = new SpecificDatumReader<>(PersonIdentity.class);

    private final PersonalDataCipher cipher;

    public PersonIdentities(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    public byte[] seal(String personId, PersonIdentity identity) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            WRITER.write(identity, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cipher.encrypt(personId, bytes.toByteArray());
    }

    /**
     * The identity of a registration, or empty when the person has been erased. Registrations written before
     * identities were sealed (schema version 1) carry them in plain fields.
     */
    public Optional<PersonIdentity> open(String personId, PersonRegistered registered) {
        if (registered.getIdentity() == null) {
            return Optional.of(new PersonIdentity(registered.getGivenNames(), registered.getFamilyName(),
                    registered.getDateOfBirth(), registered.getVNumber()));
        }
        try {
            ByteBuffer sealed = registered.getIdentity().duplicate();
            byte[] ciphertext = new byte[sealed.remaining()];
            sealed.get(ciphertext);
            byte[] plain = cipher.decrypt(personId, ciphertext);
            return Optional.of(READER.read(null, DecoderFactory.get().binaryDecoder(plain, null)));
        } catch (SubjectErasedException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
