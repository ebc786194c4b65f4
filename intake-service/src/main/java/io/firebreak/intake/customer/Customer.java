package io.firebreak.intake.customer;

import java.time.Instant;

/** A customer as intake knows them. The only place contact data is kept. */
public record Customer(String name, String phone, String email, Instant firstSeen) {

    Customer fillBlanks(String newName, String newPhone, String newEmail) {
        return new Customer(name != null ? name : newName, phone != null ? phone : newPhone,
                email != null ? email : newEmail, firstSeen);
    }
}
