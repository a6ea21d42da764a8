#include "ui/schemeeditor/trialview.h"

#include "ui/preview/previewstyle.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

namespace rs {

TrialView::TrialView(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_applications(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_issues(new QListWidget(this))
    , m_json(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("trialView"));
    m_applications->setObjectName(QStringLiteral("trialApplication"));
    m_status->setObjectName(QStringLiteral("trialStatus"));
    m_issues->setObjectName(QStringLiteral("trialIssues"));
    m_json->setObjectName(QStringLiteral("trialJson"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_issues->setMaximumHeight(110);
    m_issues->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_applications);
    layout->addWidget(m_status);
    layout->addWidget(m_issues);
    layout->addWidget(m_json, 1);
    connect(m_applications, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT applicationChosen(applicationId()); });
    retranslateUi();
}

void TrialView::setApplications(const QList<std::pair<QString, QString>> &applications)
{
    const QSignalBlocker blocker(m_applications);
    m_applications->clear();
    for (const auto &[id, text] : applications)
        m_applications->addItem(text, id);
}

QString TrialView::applicationId() const
{
    return m_applications->currentData().toString();
}

void TrialView::selectApplication(const QString &id)
{
    const int index = m_applications->findData(id);
    if (index >= 0)
        m_applications->setCurrentIndex(index);
}

void TrialView::showTrial(const SchemeTrial &trial)
{
    m_trial = trial;
    m_issues->clear();
    if (!trial.loaded) {
        m_status->setText(tr("The scheme cannot be loaded: %1").arg(trial.schemeError));
        m_status->setStyleSheet(preview::errorStyle());
        m_json->clear();
        m_issues->hide();
        return;
    }
    if (applicationId().isEmpty()) {
        m_status->setText(tr("There is no stored application to try the scheme on; fetch "
                             "approvals first."));
        m_status->setStyleSheet(QString());
        m_json->clear();
        m_issues->hide();
        return;
    }
    const int bills = int(trial.result.bills.size());
    const int issues = int(trial.result.issues.size());
    m_status->setText(issues == 0 ? tr("%n bill(s), no issues.", nullptr, bills)
                                  : QString(tr("%n bill(s), ", nullptr, bills)
                                            + tr("%n issue(s) keep bills back:", nullptr, issues)));
    m_status->setStyleSheet(issues == 0 ? QString() : preview::errorStyle());
    for (const MappingIssue &issue : trial.result.issues) {
        auto *item = new QListWidgetItem(
            (issue.bill.isEmpty() ? QString() : QString(issue.bill + QStringLiteral("  ")))
                + preview::issueText(issue),
            m_issues);
        item->setForeground(preview::errorColor());
    }
    m_issues->setVisible(issues > 0);
    const QString json = QString::fromUtf8(trial.json);
    if (m_json->toPlainText() != json) {
        // Keep the reader's place in a long body while the rule is typed.
        const int scroll = m_json->verticalScrollBar()->value();
        m_json->setPlainText(json);
        m_json->verticalScrollBar()->setValue(scroll);
    }
}

QString TrialView::jsonText() const
{
    return m_json->toPlainText();
}

QStringList TrialView::issueTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_issues->count(); ++i)
        texts.append(m_issues->item(i)->text());
    return texts;
}

void TrialView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showTrial(m_trial);
    }
    QWidget::changeEvent(event);
}

void TrialView::retranslateUi()
{
    m_heading->setText(tr("Preview on a stored application"));
}

} // namespace rs
