/** The device registry: creating devices under products and finding them by assetId or productKey + deviceKey. */
package io.certgate.ejb.device;
