/** P-256 signatures per second through BouncyCastle with a JDK EC key (converted on every signature) and with the key converted once into BouncyCastle's own object, as Pkcs12Custody now keeps it. One thread, 3 rounds of 4,000 (round 0 warms up). */
import java.security.*;
import java.security.spec.*;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.ContentSigner;

public class EcBench {
    public static void main(String[] a) throws Exception {
        Provider bc = new BouncyCastleProvider();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey jdk = g.generateKeyPair().getPrivate();
        PrivateKey bcKey = KeyFactory.getInstance("EC", bc).generatePrivate(new PKCS8EncodedKeySpec(jdk.getEncoded()));
        byte[] tbs = new byte[600];
        for (int round = 0; round < 3; round++) {
            for (PrivateKey k : new PrivateKey[] {jdk, bcKey}) {
                int n = 4000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    ContentSigner s = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(k);
                    s.getOutputStream().write(tbs);
                    s.getSignature();
                }
                double perSec = n / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("round %d %s key: %.0f signatures/s%n", round, k == jdk ? "JDK" : "BC ", perSec);
            }
        }
    }
}
