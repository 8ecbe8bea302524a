package org.reintegra.subjectaccess;

/** A finished subject access export: the ZIP's file name and bytes. */
public record SubjectAccessPackage(String fileName, byte[] zip) {
}
