package nl.doorstroom.platform.write;

import java.util.List;

import org.apache.avro.generic.IndexedRecord;

import nl.doorstroom.platform.privacy.PersonalTexts;

/**
 * The write path's side of {@link PersonalTexts}: what it appends is sealed, what the record stores hand out is
 * opened. A service without privacy settings has no keys, so it cannot write a record with personal text at all.
 *
 * @param texts the service's personal texts, or {@code null} without privacy settings
 */
record RecordSealing(PersonalTexts texts) {

    <T extends IndexedRecord> T seal(T record) {
        if (texts != null) {
            return texts.sealAll(record);
        }
        if (record != null && PersonalTexts.carriesPersonalText(record.getSchema())) {
            throw new IllegalStateException(record.getSchema().getFullName() + " has personal free text, which is "
                    + "only written sealed: configure doorstroom.privacy (the person's keys)");
        }
        return record;
    }

    <T extends IndexedRecord> T open(T record) {
        return texts == null ? record : texts.openAll(record);
    }

    <T extends IndexedRecord> List<T> open(List<T> records) {
        return texts == null ? records : records.stream().map(texts::openAll).toList();
    }
}
