package org.reintegra.referral;

import java.lang.reflect.Field;

/** Gives an entity the id the database would have generated, for tests that run without one. */
final class Stored {

    private Stored() {
    }

    static <T> T withId(T entity, long id) {
        for (Class<?> type = entity.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("id");
                field.setAccessible(true);
                field.set(entity, id);
                return entity;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(entity.getClass() + " has no field 'id'");
    }
}
