package org.accord.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.model.Article;
import org.accord.model.Party;
import org.accord.pki.KeyEntry;
import org.accord.pki.LocalTrustDataLoader;
import org.accord.pki.OfflineDataLoader;
import org.accord.pki.PkiFiles;
import org.accord.pki.TrustServices;
import org.accord.render.Layout;
import org.accord.render.Renderer;
import org.accord.sign.Appearance;
import org.accord.sign.CheckedRevision;
import org.accord.sign.Level;
import org.accord.sign.SignRequest;
import org.accord.sign.Signer;
import org.accord.sign.TrustSetup;
import org.accord.verify.Limits;
import org.accord.verify.TrustAnchor;
import org.accord.verify.Verifier;

/** What the cases share: the bundled CICA protocol, the sample PKI in-process, one renderer, signer and verifier. */
final class Material {

    /** The bundled agreement every case starts from (3 pages, two parties). */
    static final String CICA = "templates/agreements/cica-sco-rats-2017.yaml";
    final Path pki;
    final byte[] cicaYaml;
    final Agreement cica;
    final TrustSetup trust;
    final Renderer renderer = new Renderer();
    final Signer signer;
    final Verifier verifier;

    Material(Path pki) throws IOException {
        this.pki = pki;
        try (InputStream in = Material.class.getClassLoader().getResourceAsStream(CICA)) {
            if (in == null) {
                throw new IOException(CICA + " is not on the class path");
            }
            this.cicaYaml = in.readAllBytes();
        }
        this.cica = new AgreementReader().read(cicaYaml);
        TrustServices services = TrustServices.load(pki, Clock.systemUTC());
        this.trust = TrustSetup.local(services, services.baseUrl());
        this.signer = new Signer(trust);
        this.verifier = new Verifier(List.of(new TrustAnchor(services.rootCertificate(), "Accord demo root", true)),
                new LocalTrustDataLoader(services, services.baseUrl(), new OfflineDataLoader()), Limits.DEFAULT);
    }

    /** The sample key of the {@code i}-th party of {@link #withParties}: a copied party signs as the party it copies. */
    KeyEntry key(int i) {
        String party = cica.parties().get(i < cica.parties().size() ? i : (i + 1) % 2).id();
        return KeyEntry.read(PkiFiles.party(pki, party), PkiFiles.DEMO_PASSWORD.toCharArray());
    }

    /** The CICA protocol with {@code n} parties: its own two, then copies of them under new ids. */
    Agreement withParties(int n) {
        List<Party> parties = new ArrayList<>(cica.parties().subList(0, Math.min(n, cica.parties().size())));
        for (int i = parties.size() + 1; i <= n; i++) {
            Party template = cica.parties().get(i % 2);
            parties.add(new Party("party-" + i, template.name(), template.shortName(), template.hereinafter(), null,
                    template.custodian(), template.signatureHeading(), template.signatory()));
        }
        return new Agreement(cica.id(), cica.kind(), cica.title(), cica.shortTitle(), cica.titleBlock(), cica.initials(), parties,
                cica.preamble(), cica.articles(), cica.finalClause(), cica.entryIntoForce());
    }

    /** The CICA protocol with its articles repeated in order up to {@code count}, renumbered. */
    Agreement withArticles(int count) {
        List<Article> source = cica.articles();
        List<Article> articles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Article a = source.get(i % source.size());
            articles.add(new Article(i + 1, a.title(), a.numbered(), a.paragraphs()));
        }
        return new Agreement(cica.id(), cica.kind(), cica.title(), cica.shortTitle(), cica.titleBlock(), cica.initials(),
                cica.parties(), cica.preamble(), articles, cica.finalClause(), cica.entryIntoForce());
    }

    /** Original 1 of {@code agreement}, parallel layout. */
    byte[] original(Agreement agreement) {
        return renderer.render(agreement, Layout.PARALLEL, 1).get(0).bytes();
    }

    /** The request of the {@code i}-th party of {@code agreement}, signed in Astana at {@code level}. */
    static SignRequest request(Agreement agreement, int i, Level level) {
        Party p = agreement.parties().get(i);
        return new SignRequest(p.id(), level, "Astana", "Астане", new Appearance(p.signatory().function(), p.shortName()),
                SignRequest.reasonWords(p.signatureHeading(), p.onBehalf(), p.shortName()), null);
    }

    /** Original 1 of {@code agreement} signed at B-LT by its first {@code k} parties, as the service signs: over checked revisions. */
    byte[] signedBy(Agreement agreement, int k) {
        byte[] pdf = original(agreement);
        CheckedRevision checked = CheckedRevision.of(pdf, 0);
        for (int i = 0; i < k; i++) {
            pdf = signer.sign(pdf, request(agreement, i, Level.B_LT), key(i), checked);
            checked = CheckedRevision.of(pdf, checked.afterOneMore());
        }
        return pdf;
    }
}
