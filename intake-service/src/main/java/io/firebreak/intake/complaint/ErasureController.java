package io.firebreak.intake.complaint;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure on a customer's request, by a supervisor: {@code DELETE /api/v1/customers/{id}/personal-data} answers what
 * was erased (see {@link Erasure}).
 */
@RestController
class ErasureController {

    private final Erasure erasure;

    ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/v1/customers/{id}/personal-data")
    Erasure.Erased erase(@PathVariable String id, Authentication by) {
        return erasure.erase(id, by.getName());
    }
}
