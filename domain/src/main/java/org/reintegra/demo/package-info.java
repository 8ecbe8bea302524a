/** Demo tenants, clients and referrals for the local portal; only loaded when configured. */
package org.reintegra.demo;
