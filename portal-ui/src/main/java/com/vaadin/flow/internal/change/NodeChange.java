/*
 * Copyright 2000-2025 Vaadin Ltd.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not
 * use this file except in compliance with the License. You may obtain a copy of
 * the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
 * WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
 * License for the specific language governing permissions and limitations under
 * the License.
 */
package com.vaadin.flow.internal.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.internal.ConstantPool;
import com.vaadin.flow.internal.StateNode;
import elemental.json.Json;
import elemental.json.JsonObject;
import java.io.Serializable;
import org.reintegra.portal.ui.ElementalJson;

/**
 * Vaadin Flow 24.9.5's {@code NodeChange} with one line changed, shadowing the class of
 * {@code flow-server} (a web application's own classes are found before its libraries). Each
 * change is still built as elemental JSON by its subclass; Vaadin then wrote it out as text and
 * parsed the text again to get Jackson's tree ({@code JacksonUtils.mapElemental}), which was 16%
 * of the portal's processor time at 500 users. {@link ElementalJson} copies the tree instead, to
 * the same Jackson nodes (ADR 0015; {@code ElementalJsonTest} holds both to the same answer and
 * fails when Vaadin's version moves from the one this copy was taken from).
 */
public abstract class NodeChange implements Serializable {
    private final StateNode node;

    /**
     * Creates a new change for the given node.
     *
     * @param node
     *            the changed node
     */
    public NodeChange(StateNode node) {
        this.node = node;
    }

    /**
     * Gets the changed node.
     *
     * @return the node
     */
    public StateNode getNode() {
        return node;
    }

    /**
     * Serializes this change to JSON.
     *
     * @param constantPool
     *            the constant pool to use for serializing constant pool
     *            references
     * @return a json representation of this change
     */
    public ObjectNode toJson(ConstantPool constantPool) {
        JsonObject json = Json.createObject();

        json.put("node", node.getId());

        populateJson(json, constantPool);

        return ElementalJson.toJackson(json);
    }

    /**
     * Overridden by subclasses to populate a JSON object when serializing.
     *
     * @param json
     *            the json object to populate
     * @param constantPool
     *            the constant pool to use for serializing constant pool
     *            references
     */
    protected abstract void populateJson(JsonObject json, ConstantPool constantPool);
}
