package org.carehotline.registry;

/**
 * A worker from the union's registry, validated: the phone is normalized (cases/PhoneNumbers),
 * the other fields are trimmed and may be empty.
 *
 * @param line the file line the worker came from
 */
public record Worker(int line, String name, String phone, String occupation, String vehiclePlate, String employer,
                     String region) {
}
