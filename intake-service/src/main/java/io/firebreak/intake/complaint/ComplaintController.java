package io.firebreak.intake.complaint;

import io.firebreak.intake.IntakeProperties;
import io.firebreak.platform.web.ProblemException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Agents and ticketing systems submit complaints and read their case files. */
@RestController
@RequestMapping("/api/v1/complaints")
@PreAuthorize("hasAnyRole('AGENT', 'INTEGRATION')")
class ComplaintController {

    private final ComplaintIntake intake;
    private final IntakeProperties properties;

    ComplaintController(ComplaintIntake intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping
    ResponseEntity<ComplaintView> submit(@Valid @RequestBody SubmitComplaint request, UriComponentsBuilder uri) {
        ComplaintView view = ComplaintView.of(intake.submit(request));
        return ResponseEntity.created(uri.path("/api/v1/complaints/{id}").build(view.id())).body(view);
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id) {
        return ComplaintView.of(intake.get(id));
    }

    @GetMapping
    Map<String, List<ComplaintView>> list(@RequestParam Optional<String> status,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > properties.maxListSize()) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + properties.maxListSize());
        }
        Optional<ComplaintStatus> wanted = status.map(s -> {
            try {
                return ComplaintStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "one of " + java.util.Arrays.toString(ComplaintStatus.values()));
            }
        });
        return Map.of("items", intake.list(wanted, limit).stream().map(ComplaintView::of).toList());
    }
}
