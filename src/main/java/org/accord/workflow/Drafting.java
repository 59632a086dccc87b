package org.accord.workflow;

import java.util.List;
import org.accord.model.Agreement;
import org.accord.model.AgreementReader;
import org.accord.model.Language;
import org.accord.render.Layout;
import org.accord.render.RenderedPdf;
import org.accord.render.Renderer;
import org.accord.store.Agreements;
import org.accord.store.StoredAgreement;

/** The secretariat's drafts: stored as uploaded once they pass the parity check, previewed in any layout. */
public final class Drafting {

    private final Agreements agreements;
    private final Renderer renderer;
    private final AgreementReader reader = new AgreementReader();
    private final com.github.benmanes.caffeine.cache.Cache<String, Agreement> models =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(CACHED).build();
    static final int CACHED = 256;

    public Drafting(Agreements agreements, Renderer renderer) {
        this.agreements = agreements;
        this.renderer = renderer;
    }

    /** Checks and stores an agreement (YAML, or JSON, which is YAML too); its new id. */
    public String create(byte[] source, String actor) {
        Agreement agreement = reader.read(source);
        return agreements.create(agreement.id(), agreement.title().en(), agreement.title().ru(), source, actor);
    }

    public List<StoredAgreement> list() {
        return agreements.list();
    }

    /** Deletes a draft whose originals were not issued: NOT_FOUND, or CONFLICT once they were. */
    public void delete(String id, String actor) {
        switch (agreements.delete(id, actor)) {
            case DELETED -> {
            }
            case NOT_FOUND -> throw new WorkflowException(WorkflowException.Kind.NOT_FOUND, "there is no agreement " + id);
            case ISSUED -> throw new WorkflowException(WorkflowException.Kind.CONFLICT, "the originals of agreement " + id
                    + " were issued: the agreement and its originals are kept");
        }
    }

    /** The stored agreement, or NOT_FOUND. */
    public StoredAgreement get(String id) {
        return agreements.find(id).orElseThrow(() -> new WorkflowException(WorkflowException.Kind.NOT_FOUND,
                "there is no agreement " + id));
    }

    /**
     * The agreement's text as records, read from its stored source. Stored agreements never change, so the records
     * are kept (up to {@link #CACHED} of them) under the source's SHA-256.
     */
    public Agreement model(StoredAgreement stored) {
        return models.get(stored.sourceSha256(), sha -> reader.read(stored.source()));
    }

    /** Original 1 in {@code layout}, as a PDF to read before issuing ({@code language} picks the file of separate). */
    public byte[] preview(String id, Layout layout, Language language) {
        return previewFile(id, layout, language).bytes();
    }

    /** The draft of original 1 in {@code layout} (and {@code language} for separate), with its file name. */
    public RenderedPdf previewFile(String id, Layout layout, Language language) {
        List<RenderedPdf> pdfs = renderer.preview(model(get(id)), layout);
        return pdfs.stream().filter(p -> layout != Layout.SEPARATE || p.languages().equals(List.of(language)))
                .findFirst().orElseThrow();
    }
}
