import { initAll } from './govuk-frontend.min.js'

initAll()

// Pages with a background task poll its status and update the progress bar.
const progress = document.querySelector('[data-task-status-url]')
if (progress) {
  const label = document.querySelector('[data-task-message]')
  const status = document.querySelector('[data-task-status]')
  const poll = async () => {
    const response = await fetch(progress.dataset.taskStatusUrl, { credentials: 'same-origin' })
    if (!response.ok) { return }
    const data = await response.json()
    progress.value = data.percent
    progress.textContent = data.percent + '%'
    label.textContent = data.message
    status.textContent = data.status_label
    if (data.finished) {
      window.location.reload()
    } else {
      window.setTimeout(poll, 1000)
    }
  }
  if (progress.dataset.finished !== 'true') { window.setTimeout(poll, 1000) }
}
