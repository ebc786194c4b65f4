package io.firebreak.feedback.followup;

import io.firebreak.platform.settings.SettingsView;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up policy (delay after the resolution, reopening score, when to stop calling): supervisors and
 * administrators read it and its versions, administrators replace it; the next resolution's follow-up uses it.
 */
@RestController
@RequestMapping("/api/v1/follow-ups/policy")
class FollowUpPolicyController {

    private final FollowUpPolicies policies;

    FollowUpPolicyController(FollowUpPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    SettingsView<FollowUpPolicy> policy() {
        return SettingsView.of(policies.settings().active());
    }

    @PutMapping
    SettingsView<FollowUpPolicy> replace(@RequestBody FollowUpPolicy policy, Authentication who) {
        return SettingsView.replaced(
                "Invalid follow-up policy", () -> policies.settings().replace(policy, who.getName()));
    }

    @GetMapping("/versions")
    SettingsView.Versions<FollowUpPolicy> versions() {
        return SettingsView.versionsOf(policies.settings());
    }

    @GetMapping("/versions/{version}")
    SettingsView<FollowUpPolicy> version(@PathVariable String version) {
        return SettingsView.versionOf(policies.settings(), version);
    }
}
