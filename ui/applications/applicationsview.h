#pragma once

#include <QTableView>

namespace rs {

// The applications table view. Remembers the keyboard modifiers of the last click or key press,
// so the pane can turn a shift-click on a check box into a range.
class ApplicationsView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplicationsView)

public:
    explicit ApplicationsView(QWidget *parent = nullptr);

    Qt::KeyboardModifiers lastModifiers() const { return m_modifiers; }

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    Qt::KeyboardModifiers m_modifiers;
};

} // namespace rs
