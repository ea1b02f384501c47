package io.certgate.ejb.enrollment;

import io.certgate.ejb.common.SortColumn;

/**
 * The columns the pending CertManager transactions may be ordered by: createdAt, accountName, kind,
 * certProductType, transactionId (the transaction's fields).
 */
public enum TransactionColumn implements SortColumn {
    CREATED_AT, ACCOUNT_NAME, KIND, CERT_PRODUCT_TYPE, TRANSACTION_ID;

    @Override
    public String path() {
        return "t." + key();
    }
}
