/** Devices: the things certificates are issued to, identified by assetId or productKey + deviceKey. */
package io.certgate.domain.device;
