package org.carehotline.registry;

/**
 * A worker from the union's registry, validated: the phone is normalized (cases/PhoneNumbers),
 * occupation, region and dialect are codes of the vocabulary ({@code truck_driver},
 * {@code henan}) or {@code other: <as written>}, the other fields are trimmed; any may be empty.
 *
 * @param line  the file line the worker came from
 * @param plate the vehicle plate, upper case without spaces; stored as {@code plate}, as the console reads it
 */
public record Worker(int line, String name, String phone, String occupation, String plate, String employer,
                     String region, String dialect) {
}
