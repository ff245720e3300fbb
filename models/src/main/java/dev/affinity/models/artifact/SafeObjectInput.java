package dev.affinity.models.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;

/**
 * Java deserialization for the few libraries that force it (Smile models), behind an allow-list
 * {@link ObjectInputFilter}: only classes whose names start with an allowed prefix, and arrays of
 * them, may be created, within depth and size limits. Anything else is refused before it is
 * instantiated.
 */
public final class SafeObjectInput {
    /** Prefixes always allowed: primitives' boxes, strings, and the collections a model holds. */
    public static final List<String> BASE_ALLOWED = List.of(
            "java.lang.Number",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.String",
            "java.lang.Enum",
            "java.util.ArrayList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.Collections$");

    private SafeObjectInput() {}

    /**
     * Reads one object from {@code in}, allowing only {@link #BASE_ALLOWED} and {@code
     * allowedPrefixes} (such as {@code "smile."}).
     *
     * @throws InvalidClassException when the stream names a class outside the allow-list
     */
    public static Object read(InputStream in, List<String> allowedPrefixes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(filter(allowedPrefixes));
            return objects.readObject();
        }
    }

    /** The filter used by {@link #read}. */
    public static ObjectInputFilter filter(List<String> allowedPrefixes) {
        return info -> {
            if (info.depth() > 64 || info.references() > 50_000_000L || info.arrayLength() > 500_000_000L) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            while (type.isArray()) {
                type = type.getComponentType();
            }
            if (type.isPrimitive()) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            String name = type.getName();
            boolean allowed = BASE_ALLOWED.stream().anyMatch(name::startsWith)
                    || allowedPrefixes.stream().anyMatch(name::startsWith);
            return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }
}
