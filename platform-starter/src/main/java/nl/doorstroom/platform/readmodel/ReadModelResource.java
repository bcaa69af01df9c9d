package nl.doorstroom.platform.readmodel;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import nl.doorstroom.platform.kafka.ReadModelUnavailableException;
import nl.doorstroom.platform.web.NotFoundException;

/**
 * This instance's part of a read model, for the other instances of the service only (the instance secret is checked
 * by {@link ReadModelSecurity} before a request gets here). Not part of the public API.
 */
@RestController
@Hidden
class ReadModelResource {

    private final ReadModels models;

    ReadModelResource(ReadModels models) {
        this.models = models;
    }

    @GetMapping(path = ReadModels.PATH, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] entries(@PathVariable String store, @RequestParam(required = false) String prefix) {
        return ReadModels.encode(model(store).localEntries(prefix));
    }

    @PostMapping(path = ReadModels.PATH, consumes = MediaType.TEXT_PLAIN_VALUE,
            produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] values(@PathVariable String store, @RequestBody String keys) {
        List<String> asked = keys.lines().filter(key -> !key.isEmpty()).toList();
        for (String key : asked) {
            if (!models.ownsKey(store, key)) {
                // the partition moved after the caller looked: let it look again rather than answer "not found"
                throw new ReadModelUnavailableException(store, new IllegalStateException("no longer the owner of a key"));
            }
        }
        return ReadModels.encode(model(store).localEntries(asked));
    }

    private ReadModel<?> model(String store) {
        ReadModel<?> model = models.model(store);
        if (model == null) {
            throw new NotFoundException("read model");
        }
        return model;
    }
}
