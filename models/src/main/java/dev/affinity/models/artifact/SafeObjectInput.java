package dev.affinity.models.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.List;
import java.util.Set;

/**
 * Java deserialization for the few libraries that force it (Smile models), behind an allow-list
 * {@link ObjectInputFilter}: only the exact JDK classes in {@link #BASE_ALLOWED}, classes in the
 * caller's allowed packages, primitives and arrays of these may be created, within depth and size
 * limits. Anything else is refused before it is instantiated.
 */
public final class SafeObjectInput {
    /** JDK classes always allowed, by exact name: boxes, strings, and the collections a model holds. */
    public static final Set<String> BASE_ALLOWED = Set.of(
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
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableCollection");

    private static final Set<String> ARRAY_ONLY = Set.of("java.lang.Object", "java.util.Map$Entry");

    private SafeObjectInput() {}

    /**
     * Reads one object from {@code in}, allowing only {@link #BASE_ALLOWED} and classes whose names
     * start with one of {@code allowedPackages} (such as {@code "smile.classification."}).
     *
     * @throws InvalidClassException when the stream names a class outside the allow-list
     */
    public static Object read(InputStream in, List<String> allowedPackages) throws IOException, ClassNotFoundException {
        try (ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(filter(allowedPackages));
            return objects.readObject();
        }
    }

    /** The filter used by {@link #read}. */
    public static ObjectInputFilter filter(List<String> allowedPackages) {
        return info -> {
            if (info.depth() > 64 || info.references() > 50_000_000L || info.arrayLength() > 500_000_000L) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            boolean array = type.isArray();
            while (type.isArray()) {
                type = type.getComponentType();
            }
            String name = type.getName();
            // Collections check the arrays they allocate (Object[], Map.Entry[]); their elements are
            // filtered one by one, so such arrays are harmless.
            if (type.isPrimitive() || (array && ARRAY_ONLY.contains(name))) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            boolean allowed =
                    BASE_ALLOWED.contains(name) || allowedPackages.stream().anyMatch(name::startsWith);
            return allowed ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }
}
