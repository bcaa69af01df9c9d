package nl.doorstroom.employer.candidates;

import java.util.Optional;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.doorstroom.platform.kafka.AvroSerdes;
import nl.doorstroom.platform.privacy.PersonalTexts;
import nl.doorstroom.platform.readmodel.ReadModel;
import nl.doorstroom.platform.readmodel.ReadModels;
import nl.doorstroom.schemas.Topics;
import nl.doorstroom.schemas.trajectory.CandidateContact;

/**
 * The names and contact routes of candidates who agreed to an introduction ({@code trajectory.candidate-contacts}),
 * kept sealed in {@value #CONTACTS} (and its changelog) under the candidate pseudonym, and opened only when shown. The
 * key that seals them belongs to the pseudonym: trajectory forgets it when the profile is withdrawn or the person is
 * erased, and from then on nothing here opens, before the tombstone even arrives.
 */
@Configuration(proxyBeanMethods = false)
public class CandidateContacts {

    static final String CONTACTS = "candidate-contacts";

    private final ReadModel<CandidateContact> contacts;
    private final PersonalTexts texts;

    CandidateContacts(ContactStore store, PersonalTexts texts) {
        this.contacts = store.contacts();
        this.texts = texts;
    }

    /** The read model of the sealed contacts. */
    record ContactStore(ReadModel<CandidateContact> contacts) {
    }

    @Bean
    static ContactStore contactStore(StreamsBuilder builder, ReadModels readModels, KafkaProperties kafka) {
        var values = AvroSerdes.<CandidateContact>valueSerde(kafka);
        builder.table(Topics.TRAJECTORY_CANDIDATE_CONTACTS.name(), Consumed.with(Serdes.String(), values),
                Materialized.<String, CandidateContact, KeyValueStore<Bytes, byte[]>>as(CONTACTS)
                        .withKeySerde(Serdes.String()).withValueSerde(values));
        return new ContactStore(readModels.of(CONTACTS, values));
    }

    /**
     * The candidate's name and contact route, opened now; empty when the candidate never agreed, or withdrew, or was
     * erased (the key is gone, so the texts no longer open).
     */
    public Optional<CandidateContact> find(String pseudonym) {
        return contacts.get(pseudonym).map(texts::openAll)
                .filter(contact -> !contact.getName().isEmpty());
    }
}
